module byo-kit/http-server

go 1.19
