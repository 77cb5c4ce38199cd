(display (car '(1))) (newline)
(car '())
