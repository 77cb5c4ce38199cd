(define a (list 1 2))
(define b (list 1 2))
(display (list (eq? a a) (eq? a b) (equal? a b) (equal? '(1 (2 "x")) (list 1 (list 2 "x"))))) (newline)
(display (list (eq? 5 5) (eq? '() '()) (eq? #t #t) (equal? "ab" "ab") (equal? 1 2) (equal? '(1 2) '(1 2 3)))) (newline)
