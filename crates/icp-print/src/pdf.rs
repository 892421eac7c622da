//! Writing laid-out pages as PDF through printpdf's op API.
//!
//! Every run is shown as the glyphs the layout already chose, each tagged with the character
//! it stands for: printpdf builds the subset font's ToUnicode map from those tags, which is
//! what lets `pdftotext` give Hangul and Han back as typed. Handing printpdf plain text
//! instead would make it look every character up in the fonts again, and the CJK faces'
//! lookup walks their whole cmap.

use printpdf::{
    Codepoint, Color, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, TextItem,
    TextMatrix, WindingOrder,
};

use crate::blocks::Document;
use crate::error::PrintError;
use crate::fonts::FontSet;
use crate::layout::{layout, Geometry, Kind, Layout, Page, Shade};

const PT_PER_MM: f32 = 72.0 / 25.4;

/// Lays out `doc` and writes it as a PDF with embedded, subset fonts.
pub fn render_pdf(doc: &Document, fonts: &FontSet) -> Result<Vec<u8>, PrintError> {
    write_pdf(
        &layout(doc, fonts),
        fonts,
        doc.header.as_deref().unwrap_or("ICP Desk"),
    )
}

/// Writes an already computed layout.
pub fn write_pdf(lay: &Layout, fonts: &FontSet, title: &str) -> Result<Vec<u8>, PrintError> {
    let mut pdf = PdfDocument::new(title);
    // printpdf leaves fonts without used glyphs out of the file, so adding all is free.
    let ids: Vec<FontId> = fonts
        .faces()
        .iter()
        .map(|f| pdf.add_font(&f.font))
        .collect();
    let pages = lay
        .pages
        .iter()
        .map(|page| page_ops(page, lay.geometry, &ids))
        .map(|ops| PdfPage::new(Mm(lay.geometry.width), Mm(lay.geometry.height), ops))
        .collect();
    let mut warnings = Vec::new();
    let pdf = pdf.with_pages(pages);
    let mut lopdf_doc = pdf.to_lopdf_document(
        &PdfSaveOptions {
            subset_fonts: true,
            ..Default::default()
        },
        &mut warnings,
    );
    // A font that failed to subset or embed is only a warning to printpdf, but it would
    // print boxes or nothing: refuse rather than hand out a broken document.
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(PrintError::Pdf(w.msg.clone()));
    }
    compress_streams(&mut lopdf_doc);
    let mut bytes = Vec::new();
    lopdf_doc
        .save_to(&mut bytes)
        .map_err(|e| PrintError::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// Deflates every stream not compressed yet. printpdf's own pass uses the slowest setting,
/// which took half of an itinerary's export time; level 3 costs a fifth of that and the file
/// grows by 4 % (the six-day reference itinerary: 74 KB → 77 KB).
fn compress_streams(doc: &mut lopdf::Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.has(b"Filter") || !stream.allows_compression {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(3));
        let Ok(compressed) = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish())
        else {
            continue;
        };
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

/// A bar's fill: a mid blue-grey, about 45 % grey when printed in black and white.
fn shade_color(shade: Shade) -> Color {
    match shade {
        Shade::Bar => Color::Rgb(Rgb::new(0.30, 0.44, 0.62, None)),
        Shade::Tint => Color::Rgb(Rgb::new(0.93, 0.93, 0.93, None)),
    }
}

fn page_ops(page: &Page, geo: Geometry, ids: &[FontId]) -> Vec<Op> {
    // Painted in this order, each over the one before: tints, lines, bars, then text.
    let mut tints = Vec::new();
    let mut bars = Vec::new();
    let mut ops = Vec::new();
    let mut text = vec![Op::StartTextSection];
    for item in &page.items {
        // PDF measures from the bottom left, the layout from the top left.
        let flip = |y_mm: f32| Pt((geo.height - y_mm) * PT_PER_MM);
        match &item.kind {
            Kind::Text {
                runs,
                style,
                baseline,
                ..
            } => {
                let mut x = item.rect.x;
                for run in runs {
                    let Some(id) = ids.get(run.face.0) else {
                        continue;
                    };
                    text.push(Op::SetFont {
                        font: PdfFontHandle::External(id.clone()),
                        size: Pt(style.size_pt),
                    });
                    text.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(x * PT_PER_MM), flip(*baseline)),
                    });
                    let glyphs = run
                        .glyphs
                        .iter()
                        .zip(run.text.chars())
                        .map(|(&gid, c)| Codepoint {
                            gid,
                            offset: 0.0,
                            cid: Some(c.to_string()),
                        })
                        .collect();
                    text.push(Op::ShowText {
                        items: vec![TextItem::GlyphIds(glyphs)],
                    });
                    x += run.width_mm;
                }
            }
            Kind::Rule | Kind::VRule => {
                let r = item.rect;
                let point = |x_mm: f32, y_mm: f32| LinePoint {
                    p: Point {
                        x: Pt(x_mm * PT_PER_MM),
                        y: flip(y_mm),
                    },
                    bezier: false,
                };
                let points = if matches!(item.kind, Kind::Rule) {
                    vec![point(r.x, r.y), point(r.x + r.w, r.y)]
                } else {
                    vec![point(r.x, r.y), point(r.x, r.y + r.h)]
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points,
                        is_closed: false,
                    },
                });
            }
            Kind::Fill { shade } => {
                let r = item.rect;
                let point = |x_mm: f32, y_mm: f32| LinePoint {
                    p: Point {
                        x: Pt(x_mm * PT_PER_MM),
                        y: flip(y_mm),
                    },
                    bezier: false,
                };
                let op = Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![PolygonRing {
                            points: vec![
                                point(r.x, r.y),
                                point(r.x + r.w, r.y),
                                point(r.x + r.w, r.y + r.h),
                                point(r.x, r.y + r.h),
                            ],
                        }],
                        mode: PaintMode::Fill,
                        winding_order: WindingOrder::NonZero,
                    },
                };
                match shade {
                    Shade::Tint => tints.push(op),
                    Shade::Bar => bars.push(op),
                }
            }
        }
    }
    text.push(Op::EndTextSection);
    let mut all = Vec::new();
    let filled = !(tints.is_empty() && bars.is_empty());
    let fill = |all: &mut Vec<Op>, shade: Shade, fills: Vec<Op>| {
        if !fills.is_empty() {
            all.push(Op::SetFillColor {
                col: shade_color(shade),
            });
            all.extend(fills);
        }
    };
    fill(&mut all, Shade::Tint, tints);
    all.extend([
        Op::SetOutlineColor {
            col: Color::Rgb(Rgb::new(0.6, 0.6, 0.6, None)),
        },
        Op::SetOutlineThickness { pt: Pt(0.5) },
    ]);
    all.extend(ops);
    // Bars over the grid's lines, so a year line does not cut through them.
    fill(&mut all, Shade::Bar, bars);
    if filled {
        // Text in black, whatever the fills left as the fill colour.
        all.push(Op::SetFillColor {
            col: Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None)),
        });
    }
    all.extend(text);
    all
}
