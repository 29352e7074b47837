//! Throughline store (not built yet).
