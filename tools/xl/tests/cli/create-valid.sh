cd "$TMPDIR" || exit 1
printf 'name="ok"\ntype="hvm"\nmemory=64\n' >ok.cfg
XL_FAKE_HYPERVISOR=1 $XL create -q ok.cfg
