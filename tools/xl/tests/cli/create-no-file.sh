$XL create
