# xl.conf defaults reach the domain configuration.
cd "$TMPDIR" || exit 1
cat >xl.conf <<CONF
# test xl.conf
autoballoon="off"
run_hotplug_scripts=0
claim_mode=0
vif.default.bridge="br9"
vif.default.script="vif-openvswitch"
vif.default.gatewaydev="eth7"
vif.default.backend="netback"
blkdev_start="xvdb"
max_grant_frames=48
max_maptrack_frames=512
lockfile="/run/xl.lock"
output_format="json"
CONF
printf 'name="c"\ntype="hvm"\nvif=["mac=00:16:3e:00:00:09", "bridge=own"]\n' >c.cfg
XL_CONF=xl.conf $XL -N create -q c.cfg | grep -vE '^ *("uuid"|[{}]|},|\]|\],)'
