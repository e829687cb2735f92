module byo-kit/my-chat-hub

go 1.19
