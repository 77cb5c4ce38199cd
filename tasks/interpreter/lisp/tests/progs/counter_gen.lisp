(define (make-gen l) (lambda () (if (null? l) 'done (let ((x (car l))) (set! l (cdr l)) x))))
(define g (make-gen '(a b)))
(display (list (g) (g) (g) (g))) (newline)
