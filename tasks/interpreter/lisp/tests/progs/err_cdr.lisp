(cdr 5)
