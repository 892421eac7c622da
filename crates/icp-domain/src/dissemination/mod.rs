//! Dissemination plans: at the closing conference every city reports how it will spread the
//! practices it learned in the programme, to whom (other cities, regions, national bodies),
//! what has to be adapted on the way and through which channels. Printed together they are
//! the closing-conference book.
//!
//! Like a cooperation plan, a dissemination plan is saved on every change however little of it
//! is written: validation refuses only what is wrong (a link to a deleted city or practice,
//! runaway text), each problem at its field (`practices.1.adopters.0.city`).

mod record;
#[cfg(test)]
mod tests;

pub use record::{Adopter, AdopterKind, DisseminationPlan, DisseminationRefs, PracticeToSpread};
