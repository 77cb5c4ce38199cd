#!/bin/bash
touch attempted
