# output_format="sxp" is not supported: JSON with a note.
cd "$TMPDIR" || exit 1
printf 'output_format="sxp"\n' >sxp.conf
printf 'name="s"\ntype="hvm"\n' >s.cfg
XL_CONF=sxp.conf $XL -N create -q s.cfg | grep -c '"name": "s"'
