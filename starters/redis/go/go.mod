module byo-kit/my-redis

go 1.19
