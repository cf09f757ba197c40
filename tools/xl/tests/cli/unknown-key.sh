cd "$TMPDIR" || exit 1
printf 'name="u"\ntype="hvm"\nfrobnicate=1\nfrobnicate=2\nvnc_listen="x"\n' >u.cfg
$XL -N create u.cfg >/dev/null
