(define (safe-div a b) (if (= b 0) (error "cannot divide by zero:" a) (quotient a b)))
(display (safe-div 10 2)) (newline)
(display (safe-div 1 0))
(display "not reached")
