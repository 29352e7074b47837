//! Throughline playbook (not built yet).
