# The one-line notice when a PV config is planned as PVH.
cd "$KDIR" || exit 1
printf 'name="pv"\nkernel="pvh.elf"\nmemory=64\n' >pv.cfg
$XL -N create pv.cfg >/dev/null
printf 'name="pv"\nbootloader="pygrub"\nmemory=64\n' >pv.cfg
$XL -N create pv.cfg >/dev/null
