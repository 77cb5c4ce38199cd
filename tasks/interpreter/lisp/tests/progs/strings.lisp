(display "hello\tworld\n")
(write "quote\" backslash\\ newline\n tab\t") (newline)
(display (string-append "foo" "" "bar")) (newline)
(write (string-append)) (newline)
(display (number->string 42)) (display (string? (number->string -3))) (newline)
(write 'sym) (write 12) (write #t) (newline)
(display "semi ; inside") (newline) ; a comment
(display "parens ( ) inside") (newline)
