(define (range a b) (if (>= a b) '() (cons a (range (+ a 1) b))))
(define (prime? n) (and (> n 1) (no-divisor? n 2)))
(define (no-divisor? n d) (cond ((> (* d d) n) #t) ((= 0 (remainder n d)) #f) (else (no-divisor? n (+ d 1)))))
(display (filter prime? (range 1 60))) (newline)
