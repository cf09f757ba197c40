$XL -N list
