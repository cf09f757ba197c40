# Hypervisor image (filled in by the hypervisor core).
hv:
