(display (quotient 7 2)) (newline)
(display (remainder 7 0))
