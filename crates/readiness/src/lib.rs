//! Throughline readiness (not built yet).
