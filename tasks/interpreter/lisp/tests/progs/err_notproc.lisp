(display "a")
(5 3)
