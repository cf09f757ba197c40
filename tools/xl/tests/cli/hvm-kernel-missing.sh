# HVM direct kernel boot: the kernel must exist for create (no PVH check).
cd "$TMPDIR" || exit 1
printf 'name="h"\ntype="hvm"\nkernel="/nonexistent/bzImage"\nmemory=64\n' >h.cfg
XL_FAKE_HYPERVISOR=1 $XL create -q h.cfg
echo "create rc=$?"
$XL -N create -q h.cfg >/dev/null
