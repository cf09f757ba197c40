# Test guests (filled in by the guest-test framework).
guests:
