//! The programme's documents, each built from the engine's blocks. The engine modules know
//! nothing of them.

pub mod itinerary;
