//! Throughline format (not built yet).
