(define (join l sep) (if (null? l) "" (if (null? (cdr l)) (car l) (string-append (car l) sep (join (cdr l) sep)))))
(display (join '("a" "b" "c") ", ")) (newline)
(write (list "x" (list "y\n"))) (newline)
(display (list "x" (list "y"))) (newline)
