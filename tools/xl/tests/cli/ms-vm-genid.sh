# ms_vm_genid="generate": 16 random bytes, printed as libxl does.
cd "$TMPDIR" || exit 1
printf 'name="g"\ntype="hvm"\nms_vm_genid="generate"\n' >g.cfg
$XL -N create -q g.cfg | sed -n '/"ms_vm_genid"/,/\]/p' | grep -cE '^ +[0-9]+,?$'
$XL -N create -q g.cfg >a.json
$XL -N create -q g.cfg >b.json
cmp -s a.json b.json && echo "same twice (wrong)" || echo "differs between runs"
