printf 'name="a"\ntype="hvm"\n' >"$TMPDIR/a.cfg"
XL_FAKE_HYPERVISOR=0 $XL create "$TMPDIR/a.cfg"
