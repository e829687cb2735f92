module byo-kit/my-http-server

go 1.19
