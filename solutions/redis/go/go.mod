module byo-kit/redis

go 1.19
