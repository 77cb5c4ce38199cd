(display (+ 1 2)) (newline)
(+ 1 "2")
