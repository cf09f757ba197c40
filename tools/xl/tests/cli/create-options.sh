# -n, -f FILE, -q and overrides given without a file name.
cd "$TMPDIR" || exit 1
printf 'name="opt"\ntype="hvm"\n' >opt.cfg
$XL create -n -q -f opt.cfg memory=96 | grep -E '"(name|max_memkb)"'
$XL -N create -q opt.cfg vcpus=3 | grep -c avail_vcpus
