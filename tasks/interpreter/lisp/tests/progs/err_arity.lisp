(define (f a b) a)
(display (f 1 2)) (newline)
(f 1)
