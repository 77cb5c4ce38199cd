#!/bin/bash
printf "a\nb\n" > out.txt
