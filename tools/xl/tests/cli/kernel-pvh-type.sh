# type="pvh" needs the note too; type="hvm" direct boot does not.
cd "$KDIR" || exit 1
printf 'name="k"\ntype="pvh"\nkernel="nopvh.elf"\n' >k.cfg
$XL -N create -q k.cfg >/dev/null
echo "pvh rc=$?"
printf 'name="k"\ntype="pvh"\nkernel="pvh.elf"\n' >k.cfg
$XL -N create -q k.cfg >/dev/null
echo "pvh-ok rc=$?"
printf 'name="k"\ntype="hvm"\nkernel="nopvh.elf"\n' >k.cfg
$XL -N create -q k.cfg >/dev/null
echo "hvm rc=$?"
