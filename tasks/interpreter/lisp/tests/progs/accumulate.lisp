(define total 0)
(define (add-all l) (if (null? l) total (begin (set! total (+ total (car l))) (add-all (cdr l)))))
(define (range a b acc) (if (< b a) acc (range a (- b 1) (cons b acc))))
(display (add-all (range 1 20000 '()))) (newline)
