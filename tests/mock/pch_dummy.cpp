// Carrier of the precompiled header that every test reuses.
