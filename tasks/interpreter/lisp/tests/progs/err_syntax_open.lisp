(display "never printed")
(define (f x) (+ x 1)
