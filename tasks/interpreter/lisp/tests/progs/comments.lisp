; full-line comment
(display 1) ; trailing comment (display 2)
(newline)
   (display
     ; comment inside a form
     (+ 1
        2))
(newline)
