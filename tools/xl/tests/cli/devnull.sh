# /dev/null: the whole configuration from the command line.
$XL -N create -q /dev/null 'name="cmdline"' 'type="hvm"' memory=128 | grep -E '"(name|type|target_memkb)"'
