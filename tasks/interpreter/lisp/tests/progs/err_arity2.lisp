(define (f a) a)
(display "x")
(f 1 2)
