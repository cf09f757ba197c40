$XL help create
