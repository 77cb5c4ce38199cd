(display "x") (newline)
()
