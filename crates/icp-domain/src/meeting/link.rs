//! The online link of a meeting: the window turns it into something people click, so it must be
//! a web address and nothing else. A small parser rather than a URL crate: we only need to say
//! yes or no, and why, for the links people paste from Zoom, Teams, Webex or Jitsi.

/// The longest link taken; meeting links with their passcodes are well under this.
pub(crate) const LINK_MAX: usize = 2_000;

/// Checks a pasted link: `http://` or `https://`, a host with a dot in it (or an IP literal),
/// an optional port, then a path, query or fragment without spaces or characters a link cannot
/// hold. A user name or password before the host is refused: in `https://zoom.us@evil.example`
/// the host is `evil.example`, which is how such links fool people. Returns the link trimmed,
/// or why it is not one (words that follow "it …" in the message).
pub(crate) fn check_link(text: &str) -> Result<String, &'static str> {
    let link = text.trim();
    if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("contains spaces or invisible characters");
    }
    let Some((scheme, rest)) = link.split_once("://") else {
        return Err("must start with https:// (or http://)");
    };
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return Err("must start with https:// (or http://)");
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains('@') {
        return Err("must not hold a user name or password before the host");
    }
    let (host, port) = split_port(authority)?;
    if let Some(port) = port {
        let ok = !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p));
        if !ok {
            return Err("has a port that is not a number from 1 to 65535");
        }
    }
    check_host(host)?;
    check_tail(tail)?;
    Ok(link.to_string())
}

/// `host[:port]` or `[v6]:port` → host and the port text (if a colon is there).
fn split_port(authority: &str) -> Result<(&str, Option<&str>), &'static str> {
    if let Some(inner) = authority.strip_prefix('[') {
        let Some((v6, after)) = inner.split_once(']') else {
            return Err("has an IPv6 address without its closing ]");
        };
        if v6.is_empty()
            || !v6.contains(':')
            || !v6
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Err("has an IPv6 address that is not one");
        }
        return match after {
            "" => Ok(("[v6]", None)),
            _ => match after.strip_prefix(':') {
                Some(port) => Ok(("[v6]", Some(port))),
                None => Err("has something after the IPv6 address that is not a port"),
            },
        };
    }
    Ok(match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    })
}

fn check_host(host: &str) -> Result<(), &'static str> {
    const NO_HOST: &str = "has no host: paste the whole address, e.g. https://meet.example.org/icp";
    if host == "[v6]" {
        return Ok(());
    }
    // A fully qualified name may end with one dot.
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_empty() {
        return Err(NO_HOST);
    }
    if host.chars().count() > 253 {
        return Err("has a host name longer than 253 characters");
    }
    let labels: Vec<&str> = host.split('.').collect();
    for label in &labels {
        let ok = !label.is_empty()
            && label.chars().count() <= 63
            // Letters of any script: internationalised names (münchen.de) are typed as such.
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return Err("has a host name that is not one (letters, digits, - and dots)");
        }
    }
    let numeric = |l: &&str| l.bytes().all(|b| b.is_ascii_digit());
    if labels.iter().all(numeric) {
        // An IPv4 address: four numbers up to 255.
        let ok = labels.len() == 4 && labels.iter().all(|l| l.parse::<u8>().is_ok());
        return if ok {
            Ok(())
        } else {
            Err("has an IP address that is not one")
        };
    }
    // Meeting links are opened by people elsewhere, so a bare name ("https://zoom", "localhost")
    // is a paste that lost its domain.
    if labels.len() < 2 || numeric(&labels[labels.len() - 1]) {
        return Err(NO_HOST);
    }
    Ok(())
}

/// Path, query and fragment: no characters a link cannot hold, and every % followed by two hex
/// digits.
fn check_tail(tail: &str) -> Result<(), &'static str> {
    let bytes = tail.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(
            b,
            b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'\\' | b'^' | b'`'
        ) {
            return Err("contains characters a link cannot hold (< > \" { } | \\ ^ `)");
        }
        if b == b'%'
            && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        {
            return Err("has a % that is not followed by two hexadecimal digits");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_people_paste_are_taken() {
        for ok in [
            "https://us02web.zoom.us/j/81234567890?pwd=aBcD1234efGh",
            " https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjM@thread.v2/0?context=%7b%22Tid%22%7d ",
            "https://meet.jit.si/ICP-AGIR-Circular-Economy#config.startWithAudioMuted=true",
            "HTTPS://Example.ORG",
            "http://192.168.1.20:8080/room",
            "https://[2001:db8::1]:8443/room",
            "https://stadt.münchen.de/icp",
            "https://example.org./",
            "https://광주.kr/회의",
        ] {
            assert!(check_link(ok).is_ok(), "{ok}: {:?}", check_link(ok));
        }
        assert_eq!(
            check_link("  https://a.example/x ").unwrap(),
            "https://a.example/x"
        );
    }

    #[test]
    fn other_text_is_refused_with_the_reason() {
        for (bad, why) in [
            ("javascript:alert(1)", "https://"),
            ("ftp://files.example.org/a", "https://"),
            ("zoom.us/j/812345", "https://"),
            ("https://", "no host"),
            ("https:///path", "no host"),
            ("https://zoom", "no host"),
            ("https://localhost:3000", "no host"),
            ("https://zoom.us@evil.example/j/1", "user name"),
            ("https://user:pw@example.org", "user name"),
            ("https://exa mple.org", "spaces"),
            ("https://example.org/a\u{0}b", "spaces"),
            ("https://example.org:99999/", "port"),
            ("https://example.org:/", "port"),
            ("https://example.org:80a/", "port"),
            ("https://-bad-.example.org", "host name"),
            ("https://a..b.org", "host name"),
            ("https://exa_mple.org", "host name"),
            ("https://300.1.1.1/", "IP address"),
            ("https://1.2.3/", "IP address"),
            ("https://[zz::1]/", "IPv6"),
            ("https://[::1/", "closing ]"),
            ("https://example.org/<script>", "cannot hold"),
            ("https://example.org/100%", "%"),
            ("https://example.org/%4", "%"),
        ] {
            let err = check_link(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }
}
