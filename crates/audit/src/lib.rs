//! Throughline audit (not built yet).
