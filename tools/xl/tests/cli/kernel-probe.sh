# PV configs run as PVH only with a PVH entry point in the kernel.
cd "$KDIR" || exit 1
for k in pvh.elf pvh32.elf nopvh.elf bz-gzip-pvh bz-xz-nopvh bz-zstd-pvh bz-lz4 garbage; do
	printf 'name="k"\nkernel="%s"\n' "$k" >k.cfg
	$XL -N create -q k.cfg >/dev/null
	echo "$k rc=$?"
done
