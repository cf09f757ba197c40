# Older key names, and an xl.conf with errors is ignored.
cd "$TMPDIR" || exit 1
printf 'defaultbridge="brold"\nvifscript="vif-old"\n' >old.conf
printf 'name="c"\ntype="hvm"\nvif=[""]\n' >c.cfg
XL_CONF=old.conf $XL -N create -q c.cfg | grep -E '"(bridge|script)"'
printf 'claim_mode = (\n' >bad.conf
XL_CONF=bad.conf $XL -N create -q c.cfg | grep -c claim_mode
