(display (map (lambda (x) (car x)) '((1) (2)))) (newline)
(display (map (lambda (x) (car x)) '((1) 2)))
